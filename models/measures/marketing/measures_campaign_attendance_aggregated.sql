{#- The members of attendance campaigns (webinars and events) per period (month, quarter, year of
    the member record's day, reporting timezone: when the person registered or attended) and
    breakdown (campaign type, campaign, member type): those who registered or went further
    (status registered, responded or attended; an invitation only sent is no registration) and
    those who attended, for all attendance campaigns and for webinars alone. Every period has a
    company row (zeros when nobody registered); breakdown rows exist where members were recorded.
    Feeds event_attendees and webinar_attendance_rate. -#}

with

touches as (

    select * from {{ ref('int_campaign_touches_listed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

attendance_members as (

    {#- A touch of a campaign removed as an entry error has no type and is not counted. -#}
    select
        campaign_id as campaign,
        campaign_type,
        member_type,
        touched_date,
        case when member_status in ('registered', 'responded', 'attended') then 1 else 0 end as is_registrant,
        case when member_status = 'attended' then 1 else 0 end as is_attendee,
        case when campaign_type = 'webinar' then 1 else 0 end as is_webinar

    from touches
    where campaign_type in ('webinar', 'event')

),

members_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        attendance_members.*

    from attendance_members
    inner join reporting_periods
        on attendance_members.touched_date between reporting_periods.period_start and reporting_periods.period_last_date

),

members_by_dimension as (

    {{ unpivot_dimensions('members_in_periods', ['campaign_type', 'campaign', 'member_type']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(is_registrant) as registrants,
        sum(is_attendee) as attendees,
        sum(is_webinar * is_registrant) as webinar_registrants,
        sum(is_webinar * is_attendee) as webinar_attendees

    from members_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['registrants', 'attendees', 'webinar_registrants', 'webinar_attendees']) }}
