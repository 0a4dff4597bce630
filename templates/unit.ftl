<#-- Shared layout of every unit file: header comments, then each section with its directives.
     Values arrive escaped by the planner; a template must print them as they are. -->
<#macro header>
<#list comments as line>
# ${line}
</#list>
</#macro>
<#macro body>
<#list sections as s>

[${s.name}]
<#list s.directives as d>
${d.key}=${d.value}
</#list>
</#list>
</#macro>
